/**
 * One jest run for every workspace; each workspace has its own jest.config.js.
 * `npm test` runs these, then builds the app and runs the end-to-end project.
 */
module.exports = {
  projects: ['<rootDir>/shared', '<rootDir>/server', '<rootDir>/miniapp', '<rootDir>/scripts'],
}
