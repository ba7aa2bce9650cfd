"""The command layer: every change the console makes to the programme, owned by the open Document."""
