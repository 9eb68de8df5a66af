package org.tidings.server.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.tidings.server.store.AccountStore;

/**
 * Who may do what: everyone reads; only the administrator manages sources. Forms carry CSRF
 * tokens (Spring Security's default, kept on), passwords are Argon2id hashes, and every page is
 * sent with a strict Content-Security-Policy (no inline scripts, no third-party requests).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Everything comes from Tidings alone: publishers' images too, through its image proxy, so no
     * page makes a third-party request (and none needs upgrading from http).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "manifest-src 'self'; worker-src 'self'";

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin/sources").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    UserDetailsService userDetailsService(AccountStore accounts) {
        return username -> accounts.findByUsername(username)
                .map(a -> User.withUsername(a.username()).password(a.passwordHash()).roles(a.role()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
