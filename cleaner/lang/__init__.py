"""Languages: code tables (codes), detection and scripts (detect), stopword lists."""
