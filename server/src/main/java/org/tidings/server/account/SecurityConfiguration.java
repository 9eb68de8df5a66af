package org.tidings.server.account;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.LimitStore;

/**
 * Who may do what. CSRF tokens stay on (Spring's default), passwords are Argon2id, sign-in is
 * throttled and gets a new session id; readers sign in by e-mail, the administrator by user name.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Everything from Tidings alone, publishers' images too (through its image proxy): no third-party request. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "manifest-src 'self'; worker-src 'self'";

    static final String[] PERSONAL = {"/account", "/account/**", "/for-you", "/following", "/following/**", "/saved",
            "/saved/**", "/history", "/history/**", "/feeds", "/feeds/**"};

    /** "Keep me signed in": how long a session lasts without use when the reader ticked it at sign-in. */
    static final Duration KEPT_SIGNED_IN = Duration.ofDays(30);

    @Bean
    SecurityFilterChain security(HttpSecurity http, Clock clock, AccountStore accounts, TidingsProperties properties,
            SpringSessionRememberMeServices keptSignedIn, LimitStore limits) throws Exception {
        SignInGuard guard = new SignInGuard(clock, limits);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/moderation/**").hasRole(Roles.MODERATOR)
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/info").access(new MetricsScrapers(properties.metricsToken()))
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .requestMatchers(PERSONAL).hasRole(Roles.READER)
                        .anyRequest().permitAll())
                .addFilterBefore(guard, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new FreshAccount(accounts), AuthorizationFilter.class)
                // a scraper is told to authenticate, not sent to a sign-in form
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, refused) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"tidings\"");
                            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                        }, PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .formLogin(form -> form.loginPage("/login").successHandler(guard).failureHandler(guard).permitAll())
                // the kept session is the same database session, only longer-lived: signing out (everywhere) ends it
                .rememberMe(remember -> remember.rememberMeServices(keptSignedIn))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Ticked at sign-in, the session (and its cookie, through Spring Boot's cookie serializer) lasts 30 days without use. */
    @Bean
    static SpringSessionRememberMeServices keptSignedIn() {
        SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
        services.setValiditySeconds((int) KEPT_SIGNED_IN.toSeconds());
        return services;
    }

    /** An administrator is also a moderator, a moderator also a reader. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Roles.hierarchy());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /** Finds the account by e-mail (readers) or user name (the administrator); deleted accounts are not found. */
    @Bean
    UserDetailsService userDetailsService(AccountStore accounts) {
        return submitted -> {
            String name = SignInGuard.accountName(submitted);
            return (name.contains("@") ? accounts.findByEmail(name).or(() -> accounts.findByUsername(name)) : accounts.findByUsername(name))
                    .map(a -> User.withUsername(a.username()).password(a.passwordHash()).roles(a.role().toUpperCase(Locale.ROOT)).build())
                    .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        };
    }
}
