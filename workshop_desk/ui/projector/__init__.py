"""The audience screen: a separate window that only displays, following the console."""
