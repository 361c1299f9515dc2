package br.com.crm.subject.entity;

/** How a closed subject ended. */
public enum Outcome {
    WON, LOST
}
