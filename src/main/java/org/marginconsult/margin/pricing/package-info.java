/**
 * Option pricing: the generalised Black-Scholes-Merton formula with cost of carry (Haug 2007), the
 * normal distribution it needs (Cody 1969), and the scenario kernel that revalues an option across a
 * grid of underlying prices with everything else hoisted.
 */
package org.marginconsult.margin.pricing;
