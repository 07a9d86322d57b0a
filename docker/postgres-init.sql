-- The Inngest server keeps its state in its own database on the same server.
CREATE DATABASE inngest;
