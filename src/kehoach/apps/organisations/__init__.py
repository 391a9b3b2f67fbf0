"""Agencies (cơ quan, đơn vị) and leaders (lãnh đạo) named by the documents."""
