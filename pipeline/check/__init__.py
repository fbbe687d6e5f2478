"""The consistency checker: rounding-aware recomputation of derived figures."""
