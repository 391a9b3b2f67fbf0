"""Sở Tài chính's approval queue: what waits for review, and one view per review action."""
