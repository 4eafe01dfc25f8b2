import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { SurveyPage } from "./SurveyPage";
import "./survey.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SurveyPage />
  </StrictMode>,
);
