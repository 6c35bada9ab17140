import type { MetadataRoute } from "next";

// The web app manifest (served at /manifest.webmanifest): name and icons when Baton is added to a home screen.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Baton",
    short_name: "Baton",
    description: "From closed-won to renewed: the sales-to-customer-success handoff.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#2456d6",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
