/**
 * Build-time tooling for the Fiji update site: the updater's checksum, the {@code db.xml.gz} index, jar repairs and
 * the site builder run by {@code mvn -Pupdate-site package}. Not part of the plugin jar.
 */
package sc.fiji.mivos.dist;
