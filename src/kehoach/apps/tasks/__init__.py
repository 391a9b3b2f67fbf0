"""Tasks (nhiệm vụ) assigned by a plan, grouped as the document groups them, with their deadlines."""
