"""The Qt user interface: the facilitator console and the projector screen."""
