/**
 * Setup without netsh: {@link io.netty.contrib.httpsys.config.HttpSysConfig} reads and changes HTTP.SYS's
 * machine-wide configuration (URL reservations and certificate bindings) through
 * {@code HttpSetServiceConfiguration} / {@code HttpQueryServiceConfiguration} /
 * {@code HttpDeleteServiceConfiguration}, from Java or from its command line, and lists it as
 * {@code netsh http show urlacl} / {@code show sslcert} do.
 */
package io.netty.contrib.httpsys.config;
