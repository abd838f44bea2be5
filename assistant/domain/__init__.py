"""Domain rules: eligibility for khuyến công support and the support-level table."""
