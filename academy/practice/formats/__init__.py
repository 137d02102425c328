"""Readers and writers for outside scenario formats (Twee 3)."""
