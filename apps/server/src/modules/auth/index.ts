export { authRoutes } from './auth.routes.js';
export { createAuthService, type AuthService } from './auth.service.js';
export { seedDemoAccounts, DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.demo.js';
