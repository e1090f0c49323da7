"""Grace's journey heard through a real screen reader (Orca reading Chromium): run by `make screen-reader`."""
