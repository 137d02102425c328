"""The Inventering pages, states and downloads."""
