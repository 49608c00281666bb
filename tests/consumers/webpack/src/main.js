// The bundler entry: the package as this app's bundler resolves it, driven by the shared page.
import * as npc from 'naverpay-checkout';
import { runCheckoutPage } from '../../shared/checkout-page.js';

runCheckoutPage(npc);
