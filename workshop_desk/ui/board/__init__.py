"""The idea board: sticky notes on a zoomable canvas, grouped into themes, mirrored on the projector."""
