package org.partnerprogram.renewal.domain;

/**
 * Why a renewal is refused. The declaration order is the order of D14: blockers are always
 * listed in this order and the first one is the refusal's code.
 */
public enum BlockerCode {
    RENEWAL_WINDOW_NOT_OPEN("renewal-window-not-open"),
    RENEWAL_WINDOW_CLOSED("renewal-window-closed"),
    PMC_MIGRATION_REQUIRED("pmc-migration-required"),
    REQUIREMENTS_NOT_MET("requirements-not-met"),
    PAYMENT_MISMATCH("payment-mismatch");

    private final String code;

    BlockerCode(String code) {
        this.code = code;
    }

    /** The stable code the API shows. */
    public String code() {
        return code;
    }
}
