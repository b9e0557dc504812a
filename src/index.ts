/** The Worker's entry point. */
import { createApp } from "./http/app";

export default createApp();
