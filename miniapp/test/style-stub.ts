/** Stylesheets are not loaded under jest. */
export default {}
