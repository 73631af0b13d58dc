"""The machinery rules share to build fixes, and to apply them to a module."""
