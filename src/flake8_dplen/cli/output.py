"""Machine-readable reports of the codemod's findings: GitHub annotations, JSON, SARIF 2.1.0."""

from __future__ import annotations

import json
import os
import pathlib
import urllib.parse
from typing import Iterable, List, Tuple

from flake8_dplen import HOMEPAGE, __version__, rule_url

# (path, line, column (1-based), code, message, fix: "safe" or "manual", reason or "",
# the safe fix's whole replacement or "")
Entry = Tuple[str, int, int, str, str, str, str, str]


def described(message: str, reason: str, replacement: str = "") -> str:
    """A finding's message with its manual-fix reason, the same in every format; with the
    whole fix where a reader sees nothing else (annotations, code scanning)."""
    if reason:
        return f"{message} [manual fix: {reason}]"
    return f"{message}; fix: {replacement}" if replacement else message


def _escape_github(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(entries: Iterable[Entry]) -> str:
    lines = []
    for path, line, column, code, message, fix, reason, replacement in entries:
        title = _escape_github(f"{code} ({'safe fix' if fix == 'safe' else 'manual fix'})", True)
        body = _escape_github(described(message, reason, replacement))
        lines.append(
            f"::error file={_escape_github(path, True)},line={line},col={column},title={title}::{body}"
        )
    return "\n".join(lines) + ("\n" if lines else "")


def as_json(entries: Iterable[Entry]) -> str:
    keys = ("path", "line", "column", "code", "message", "fix", "reason", "replacement")
    return json.dumps([{**dict(zip(keys, e)), "url": rule_url(e[3])} for e in entries], indent=2) + "\n"


def _uri(path: str) -> str:
    """artifactLocation.uri must be a URI reference: a space or `#` in a path would make it
    invalid or cut it short, so relative paths are percent-encoded, absolute ones file:// URIs."""
    if os.path.isabs(path):
        return pathlib.Path(path).as_uri()
    # Percent-encoded from the raw bytes: a name that is not UTF-8 stays exactly itself.
    return urllib.parse.quote(os.fsencode(path.replace(os.sep, "/")))


def sarif(entries: List[Entry]) -> str:
    from ..rules import RULES, gating

    rules = [
        {
            "id": rule.code,
            "name": type(rule).__name__,
            "shortDescription": {"text": rule.title},
            "helpUri": rule_url(rule.code),
            "defaultConfiguration": {"level": "error" if rule.gating else "warning"},
        }
        for rule in RULES
    ]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [
        {
            "ruleId": code,
            "ruleIndex": index[code],
            "level": "error" if gating(code) else "warning",
            # The whole fix, never cut: code scanning shows the message and no property.
            "message": {"text": described(message, reason, replacement)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(path)},
                        "region": {"startLine": line, "startColumn": column},
                    }
                }
            ],
            "properties": {"fix": fix, **({"replacement": replacement} if replacement else {})},
        }
        for path, line, column, code, message, fix, reason, replacement in entries
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "flake8-dplen",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"


FORMATTERS = {"github": github, "json": as_json, "sarif": sarif}
