"""Networks, synthetic data and scribble simulation for MiVOS for Fiji."""
