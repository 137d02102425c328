"""The administration pages: users, units, the audit log."""
