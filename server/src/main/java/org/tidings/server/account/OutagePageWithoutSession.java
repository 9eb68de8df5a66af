package org.tidings.server.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.tidings.server.store.DatabaseOutage;

/**
 * The page that says the database is away is rendered without the reader's session: the session is in that database,
 * and looking it up again for the error page would fail the page too (a bare 500 instead of the 503 that says so). The
 * page is the same for a signed-in reader as for anyone; the session is there again once the database is.
 */
@Configuration(proxyBeanMethods = false)
class OutagePageWithoutSession {

    @Bean
    FilterRegistrationBean<Filter> sessionLeftOutOfOutagePage(@Value("${server.servlet.session.cookie.name}") String cookie) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                withoutSession(request, response, chain, cookie));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1); // before the session is looked up
        return registration;
    }

    private static void withoutSession(ServletRequest request, ServletResponse response, FilterChain chain, String cookie)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.explains(failure)) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public Cookie[] getCookies() {
                    Cookie[] all = super.getCookies();
                    return all == null ? null : Arrays.stream(all).filter(c -> !c.getName().equals(cookie)).toArray(Cookie[]::new);
                }
            }, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
