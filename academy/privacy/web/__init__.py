"""Mina uppgifter, the accessibility statement, the personal-data page and their downloads."""
