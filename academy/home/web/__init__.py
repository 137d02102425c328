"""The login page and the home page."""
