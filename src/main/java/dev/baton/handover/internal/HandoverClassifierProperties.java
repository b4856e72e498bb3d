package dev.baton.handover.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code baton.handover.classifier.*}: where the trained handover classifiers are read from.
 *
 * @param location a folder (Spring resource location, ending in {@code /}) with {@code manifest.properties} and one
 *                 {@code <judgment>.tribuo.gz} per judgment; the models shipped in the jar by default
 */
@ConfigurationProperties("baton.handover.classifier")
record HandoverClassifierProperties(@DefaultValue(HandoverClassifier.DEFAULT_LOCATION) String location) {
}
