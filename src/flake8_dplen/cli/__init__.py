"""The command-line faces over the core: `dplen-fix` (the codemod)."""
