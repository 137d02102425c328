"""The web layer of Utbildning: Reflex states and pages, and the download routes."""
