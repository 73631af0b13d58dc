"""The folder `dplen watch` puts first on PYTHONPATH: its sitecustomize.py starts the
sanitizer in every Python process of the watched program (a package only so that it
ships in the wheel)."""
