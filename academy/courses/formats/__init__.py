"""Import and export of quiz question formats (pure domain code, no UI or database)."""
