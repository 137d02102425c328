"""Personal data: the register extract (registerutdrag), retention (gallring), erasure, and the
accessibility statement (tillgänglighetsredogörelse)."""
