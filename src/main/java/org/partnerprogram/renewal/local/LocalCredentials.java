package org.partnerprogram.renewal.local;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.partnerprogram.renewal.SdkPriming;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Local run and tests only: the table client's credentials for DynamoDB Local, which keeps one
 * database per access key, so every client of the local run signs with "local". Primed the way the
 * service's own are (SdkPriming). Never part of the Lambda build (build profile dev/test).
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class LocalCredentials {

    @Produces
    @Singleton
    @Named("local-credentials")
    AwsCredentialsProvider localCredentials() {
        return SdkPriming.credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
}
