"""The domain core: pure Python, no Django. Parsing, numbers, deadlines, periods, rules."""
