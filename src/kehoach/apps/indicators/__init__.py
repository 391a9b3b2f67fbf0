"""Indicators (chỉ tiêu) and the values documents give them: targets, scenario values, reported figures."""
