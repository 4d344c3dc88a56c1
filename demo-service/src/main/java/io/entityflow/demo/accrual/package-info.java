/**
 * The demo's loyalty accrual consumer: it keeps a cache of loyalty memberships in sync from their
 * events, and for every Sale CREATED of a member asks the (simulated, flaky) points provider to
 * award the points, then publishes the LoyaltyAccrual and the membership's new balance.
 */
package io.entityflow.demo.accrual;
