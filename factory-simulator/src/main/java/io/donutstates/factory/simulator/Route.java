package io.donutstates.factory.simulator;

import com.sun.net.httpserver.HttpExchange;

/** One endpoint for one method: answers a reply or throws {@link ApiException}. */
@FunctionalInterface
interface Route {

    Reply handle(HttpExchange exchange);
}
