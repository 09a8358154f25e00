// Entry of the offline calculator: the stylesheet and the shell. Pages load on demand (app/routes.ts).
import "./styles/app.css";
import "./components/exo-app";
