"""Small readers every parser shares (dates, ...)."""
