"""Träning: branching bemötande scenarios, scoring, Twee import/export, personal-data check."""
