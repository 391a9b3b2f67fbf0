"""The review workflow shared by every entry people submit for Sở Tài chính's approval."""
