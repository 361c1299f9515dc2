package br.com.crm.web.settings;

import br.com.crm.customer.entity.TaxId;
import br.com.crm.proposal.boundary.Proposals;
import br.com.crm.proposal.entity.Company;
import br.com.crm.web.shell.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;

/** The company on proposals' letterhead (Configurações → Vendas): name, CNPJ, address, contacts and logo. */
@Named
@ViewScoped
public class CompanyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Proposals proposals;

    @Inject
    Feedback feedback;

    private long version;
    private String name;
    private String taxId;
    private String address;
    private String phone;
    private String email;
    private boolean logo;

    @PostConstruct
    void load() {
        Company company = proposals.company();
        version = company.getVersion();
        name = company.getName();
        taxId = company.getTaxId() == null ? null : TaxId.format(company.getTaxId());
        address = company.getAddress();
        phone = company.getPhone();
        email = company.getEmail();
        logo = company.hasLogo();
    }

    public void save() {
        feedback.attempt(() -> proposals.editCompany(version, new Proposals.CompanyForm(name, taxId, address, phone,
                email)), "company.saved");
        load();
    }

    public void uploadLogo(FileUploadEvent event) {
        feedback.attempt(() -> proposals.changeLogo(version, event.getFile().getContent()), "company.logo.saved");
        load();
    }

    public void removeLogo() {
        feedback.attempt(() -> proposals.changeLogo(version, null), "company.logo.removed");
        load();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isLogo() {
        return logo;
    }
}
