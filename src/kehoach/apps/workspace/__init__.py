"""Đơn vị: the agency workspace (what an agency owes, entering it, its Excel workbook)."""
