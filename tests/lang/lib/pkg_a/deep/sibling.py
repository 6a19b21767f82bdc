s = "sibling"
