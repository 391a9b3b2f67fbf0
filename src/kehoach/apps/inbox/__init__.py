"""Thông báo: what needs an officer's attention, in the interface (a header badge and an inbox)."""
